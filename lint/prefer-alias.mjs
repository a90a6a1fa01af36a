// ESLint rule `local/prefer-alias`: no import reaches up more than one folder; `@/…` names src/ instead.
//
// Inside src/ it is eslint-plugin-no-relative-import-paths (its check and its autofix, options from the
// config), extended from `import` declarations to the other places a module path appears: `export … from`,
// `import()`, `require()` and `jest.mock()`. Outside src/ (tests, scripts, bench, config) a relative path
// that lands in src/ becomes `@/…`; other relative paths there (tests/doubles, scripts) stay.
// `npm run lint -- --fix` rewrites every case it reports.
import path from 'node:path'
import noRelativeImportPaths from 'eslint-plugin-no-relative-import-paths'

const base = noRelativeImportPaths.rules['no-relative-import-paths']
const SRC = path.resolve(import.meta.dirname, '..', 'src')
const CALLS = new Set(['require', 'jest.mock', 'jest.requireActual', 'jest.doMock', 'jest.unmock'])

const calleeName = (callee) =>
  callee.type === 'Identifier'
    ? callee.name
    : callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.property.type === 'Identifier'
      ? `${callee.object.name}.${callee.property.name}`
      : ''

const isPath = (literal) => literal?.type === 'Literal' && typeof literal.value === 'string'

/** Calls `check(node, literal)` for every module path written in the file. */
function moduleSources(check) {
  const withSource = (node) => isPath(node.source) && check(node, node.source)
  return {
    ImportDeclaration: withSource,
    ExportNamedDeclaration: withSource,
    ExportAllDeclaration: withSource,
    ImportExpression: withSource,
    CallExpression(node) {
      if (CALLS.has(calleeName(node.callee)) && isPath(node.arguments[0])) check(node, node.arguments[0])
    },
  }
}

export default {
  meta: {
    type: 'suggestion',
    fixable: 'code',
    schema: base.meta.schema,
    docs: { description: 'Import through `@/` instead of reaching up more than one folder' },
  },
  create(context) {
    const file = context.physicalFilename
    if (file.startsWith(SRC + path.sep)) {
      const checkImport = base.create(context).ImportDeclaration
      // The plugin reads only `node.source`; the copy keeps the reported node's location.
      return moduleSources((node, source) => checkImport(node.source === source ? node : { ...node, source }))
    }
    return moduleSources((node, source) => {
      const spec = source.value
      if (!spec.startsWith('.')) return
      const target = path.resolve(path.dirname(file), spec)
      if (!target.startsWith(SRC + path.sep) && target !== SRC) return
      const alias = ['@', ...path.relative(SRC, target).split(path.sep)].filter(Boolean).join('/')
      context.report({
        node,
        message: `Import src/ through '${alias}', not '${spec}'`,
        fix: (fixer) => fixer.replaceTextRange([source.range[0] + 1, source.range[1] - 1], alias),
      })
    })
  },
}
