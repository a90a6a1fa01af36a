/** Re-exported from the shared UI: loads page data each time the page is shown. */
export { useLoader } from '../../../ui/useLoader'
