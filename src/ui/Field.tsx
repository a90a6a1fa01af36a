import { Input, View } from '@tarojs/components'

/** A labelled text field with its error shown right below it, in words (not colour alone). */
export function Field({ label, value, onInput, error, placeholder, id, type = 'text', maxlength = 40 }: {
  label: string
  value: string
  onInput: (v: string) => void
  error?: string
  placeholder?: string
  id: string
  type?: 'text' | 'idcard' | 'number'
  maxlength?: number
}) {
  return (
    <View className="field">
      <View className="field-label" id={`${id}-label`}>{label}</View>
      <Input
        id={id}
        className={`field-input ${error ? 'field-input-error' : ''}`}
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onInput(e.detail.value)}
      />
      {error && <View className="field-error" role="alert">⚠ {error}</View>}
    </View>
  )
}
