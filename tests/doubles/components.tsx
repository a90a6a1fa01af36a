/**
 * Light test doubles of `@tarojs/components` for Jest: each renders a plain DOM element with the
 * same children, `id`, class and ARIA props, and maps `onClick`/`onInput` to DOM events.
 */
import React from 'react'

type Props = Record<string, unknown> & { children?: React.ReactNode; className?: string }

function make(tag: string, name: string) {
  const C = ({ children, className, onInput, value, ...rest }: Props) => {
    const domProps: Record<string, unknown> = { className, 'data-taro': name }
    for (const [k, v] of Object.entries(rest)) {
      if (
        k === 'onClick' ||
        k === 'id' ||
        k === 'role' ||
        k.startsWith('aria-') ||
        k === 'tabIndex' ||
        k === 'onKeyDown'
      )
        domProps[k] = v
    }
    if (tag === 'input' || tag === 'textarea') {
      domProps.value = value ?? ''
      domProps.onChange = (e: { target: { value: string } }) =>
        (onInput as ((e: unknown) => void) | undefined)?.({ detail: { value: e.target.value } })
      return React.createElement(tag, domProps)
    }
    return React.createElement(tag, domProps, children)
  }
  C.displayName = name
  return C
}

export const View = make('div', 'View')
export const Text = make('span', 'Text')
export const Button = make('button', 'Button')
export const Input = make('input', 'Input')
export const Textarea = make('textarea', 'Textarea')
export const ScrollView = make('div', 'ScrollView')
export const Image = make('img', 'Image')
export const Label = make('label', 'Label')
export const Switch = make('div', 'Switch')
export const Picker = make('div', 'Picker')
export const Canvas = make('canvas', 'Canvas')
export const Block = ({ children }: Props) => <>{children}</>
export type ITouchEvent = { detail?: unknown }
