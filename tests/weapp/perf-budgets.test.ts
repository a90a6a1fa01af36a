/** The harness's rendering budgets can fail: a page over them is reported. */
import { PERF_BUDGETS, recordSetData, recordTree, takeViolations, figures } from './harness/perf'

describe('rendering budgets (harness)', () => {
  afterEach(() => {
    takeViolations()
    figures.clear()
  })

  it('reports an interaction setData over 16 KiB, a first one over 128 KiB, and big or deep trees', () => {
    recordSetData('pages/x/index', 128 * 1024, 'first')
    recordSetData('pages/x/index', 16 * 1024, 'interaction')
    expect(takeViolations()).toEqual([])
    recordSetData('pages/x/index', 16 * 1024 + 1, 'interaction')
    recordSetData('pages/x/index', 128 * 1024 + 1, 'load')
    recordTree('pages/x/index', PERF_BUDGETS.nodes, 5)
    recordTree('pages/x/index', 10, PERF_BUDGETS.depth)
    expect(takeViolations()).toEqual([
      'pages/x/index: interaction setData of 16.0 KiB (budget 16 KiB)',
      'pages/x/index: load setData of 128.0 KiB (budget 128 KiB)',
      'pages/x/index: 1000 rendered nodes (budget < 1000)',
      'pages/x/index: 30 levels deep (budget < 30)',
    ])
    expect(figures.get('pages/x/index')).toMatchObject({
      firstBytes: 128 * 1024,
      interactionBytes: 16 * 1024 + 1,
      maxNodes: 1000,
      maxDepth: 30,
      opens: 1,
    })
  })
})
