import { Input, View } from '@tarojs/components'
import { useEffect } from 'react'
import { RESIDENT_ID_INPUT_MAXLENGTH, typedResidentId } from '../domain/shared/residentId'

/**
 * A labelled text field with its error shown right below it, in words (not colour alone).
 * `type="idcard"`: an ID number, kept as `typedResidentId` makes it (spaces removed, upper case, at
 * most 18 characters), so a number pasted with spaces is not cut short; `maxlength` does not apply.
 */
export function Field({
  label,
  value,
  onInput,
  error,
  placeholder,
  id,
  type = 'text',
  maxlength = 40,
}: {
  label: string
  value: string
  onInput: (v: string) => void
  error?: string
  placeholder?: string
  id: string
  type?: 'text' | 'idcard' | 'number'
  maxlength?: number
}) {
  // H5: Taro's Input keeps the real <input> inside its own element; name it for screen readers there.
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    let tries = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const apply = () => {
      const el = document.querySelector(`#${id} input, #${id} textarea`)
      // The custom element renders its <input> asynchronously: try again shortly.
      if (!el) {
        if (tries++ < 20) timer = setTimeout(apply, 50)
        return
      }
      el.setAttribute('aria-label', label)
      if (error) el.setAttribute('aria-invalid', 'true')
      else el.removeAttribute('aria-invalid')
    }
    apply()
    return () => clearTimeout(timer)
  })
  return (
    <View className="field">
      <View className="field-label" id={`${id}-label`}>
        {label}
      </View>
      <Input
        id={id}
        className={`field-input ${error ? 'field-input-error' : ''}`}
        type={type}
        value={value}
        maxlength={type === 'idcard' ? RESIDENT_ID_INPUT_MAXLENGTH : maxlength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onInput(type === 'idcard' ? typedResidentId(e.detail.value) : e.detail.value)}
      />
      {error && (
        <View className="field-error" role="alert">
          ⚠ {error}
        </View>
      )}
    </View>
  )
}
