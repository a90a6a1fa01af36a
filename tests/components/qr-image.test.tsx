import { render, screen } from '@testing-library/react'
import { QrImage } from '@/ui/QrImage'

describe('QrImage', () => {
  it('is one image named by its label, with the id and classes each feature styles', () => {
    const { container } = render(
      <QrImage id="pay-code" className="cc-qr" wrapClassName="cc-qr-wrap" text="MCCARD:c1:t" label="付款码" />,
    )
    const named = screen.getByRole('img', { name: '付款码' })
    expect(named.className).toBe('cc-qr-wrap')
    const image = container.querySelector('#pay-code')!
    expect(image.tagName).toBe('IMG')
    expect(image.className).toBe('cc-qr')
  })

  it('renders a code for any text, the check-in code as well as the pay code', () => {
    render(<QrImage id="checkin-qr" className="yp-qr" text={'A'.repeat(120)} label="3月7日的签到二维码" />)
    expect(screen.getByRole('img', { name: '3月7日的签到二维码' })).toBeTruthy()
  })
})
