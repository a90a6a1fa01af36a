/**
 * The page's data tree as Taro's `setData` builds it, and a readable view of it.
 * Taro writes paths like `root.cn.[0].cn.[1].v`; node names (`nn`) and attributes (`p0`, `p1`…) are
 * short codes which `base.wxml` maps back to component and attribute names.
 */
import fs from 'node:fs'
import path from 'node:path'

/** A node of the decoded tree: tag as in WXML (`view`, `text`, `input`…), Taro's sid, attributes, children. */
export interface UiNode {
  tag: string
  /** Taro's short node code (`nn`). */
  code: string
  sid: string
  id?: string
  className?: string
  style?: string
  attrs: Record<string, unknown>
  text?: string
  children: UiNode[]
  parent?: UiNode
}

/** Sets `value` at a WeChat data path (`a.b[0].c`, `root.cn.[2].v`) inside `target`. */
export function applyPath(target: Record<string, unknown>, keyPath: string, value: unknown): void {
  const keys: (string | number)[] = []
  keyPath.replace(/([^.[\]]+)|\[(\d+)\]/g, (_m, name: string, index: string) => {
    keys.push(index !== undefined ? Number(index) : name)
    return ''
  })
  let node: Record<string | number, unknown> = target
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value
      return
    }
    if (node[key] == null || typeof node[key] !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {}
    node = node[key] as Record<string | number, unknown>
  })
}

/** Component and attribute names behind Taro's short codes, read from the build's `base.wxml`. */
export interface TemplateMap {
  tags: Record<string, string>
  attrs: Record<string, Record<string, string>>
  /** Events each template binds to Taro's `eh` handler (`tap`, `input`…). */
  events: Record<string, Set<string>>
}

/** Parses `base.wxml`: `<template name="tmpl_0_N"><tag a="{{i.p0}}" …>` gives `N → tag` and `p0 → a`. */
export function readTemplateMap(distDir: string): TemplateMap {
  const wxml = fs.readFileSync(path.join(distDir, 'base.wxml'), 'utf8')
  const tags: Record<string, string> = {}
  const attrs: Record<string, Record<string, string>> = {}
  const events: Record<string, Set<string>> = {}
  const re = /<template name="tmpl_0_([^"]+)">\s*<([\w-]+)([^>]*)>/g
  for (let m = re.exec(wxml); m; m = re.exec(wxml)) {
    const [, name, tag, attrText] = m
    // Inputs have `tmpl_0_N_focus` / `tmpl_0_N_blur` variants behind a dispatching `tmpl_0_N`.
    const code = name.replace(/_(focus|blur)$/, '')
    if (tag === 'template' || (code !== name && tags[code] && tags[code] !== 'template')) continue
    tags[code] = tag
    const map: Record<string, string> = {}
    const attrRe = /([\w:-]+)="\{\{(?:xs\.b\()?i\.(p\d+)/g
    for (let a = attrRe.exec(attrText); a; a = attrRe.exec(attrText)) map[a[2]] = a[1]
    attrs[code] = map
    events[code] = new Set([...attrText.matchAll(/(?:bind|catch)(\w+)="eh"/g)].map((e) => e[1]))
  }
  return { tags, attrs, events }
}

/** Decodes Taro's raw data node (`{ nn, sid, cn, v, cl, st, uid, p0… }`) into a `UiNode` tree. */
export function decode(raw: Record<string, unknown>, map: TemplateMap, parent?: UiNode): UiNode {
  const code = String(raw.nn)
  // Text nodes carry `v` and no children (Taro renders them with the `block` template).
  const isText = raw.v !== undefined && raw.cn === undefined
  const node: UiNode = {
    tag: isText ? '#text' : (map.tags[code] ?? code),
    code,
    sid: String(raw.sid ?? ''),
    id: raw.uid as string | undefined,
    className: raw.cl as string | undefined,
    style: raw.st as string | undefined,
    attrs: {},
    text: isText ? String(raw.v) : undefined,
    children: [],
    parent,
  }
  const names = map.attrs[code] ?? {}
  for (const [k, v] of Object.entries(raw)) {
    if (/^p\d+$/.test(k)) node.attrs[names[k] ?? k] = v
  }
  const kids = (raw.cn as Record<string, unknown>[] | undefined) ?? []
  node.children = kids.filter(Boolean).map((c) => decode(c, map, node))
  return node
}

/** Every node of the subtree, depth first, the root included. */
export function walk(node: UiNode): UiNode[] {
  return [node, ...node.children.flatMap(walk)]
}

/** The visible text of a subtree, with text nodes joined by nothing. */
export function textOf(node: UiNode): string {
  return walk(node)
    .map((n) => n.text ?? '')
    .join('')
}

/** Depth of the deepest node below `node` (the node itself is depth 1). */
export function depthOf(node: UiNode): number {
  return 1 + Math.max(0, ...node.children.map(depthOf))
}
