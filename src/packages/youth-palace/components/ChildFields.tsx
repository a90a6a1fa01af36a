import { View } from '@tarojs/components'
import { addDays, formatDateCn } from '@/domain/shared/time'
import { checkChildBirthDate, checkChildName, childBirthDateRange } from '@/domain/youth-palace/children'
import { Button } from '@/ui/Button'
import { DateField } from '@/ui/DateField'
import { Field } from '@/ui/Field'
import { SwitchRow } from '@/ui/Switch'
import type { FieldErrors } from '@/ui/useSubmission'

/** What the add and edit forms of a child hold (kept as a draft). `birthDate` is `YYYY-MM-DD` or ''. */
export interface ChildForm {
  name: string
  birthDate: string
  hardship: boolean
}

/**
 * Instant checks of a child form, with the same rules as the backend (`youthPalaceChildren.ts`):
 * field → plain-Chinese message, '' when fine. `today` is the Beijing date `YYYY-MM-DD`.
 */
export function childFormErrors(form: ChildForm, today: string): FieldErrors {
  const name = checkChildName(form.name)
  const birth = checkChildBirthDate(form.birthDate, today)
  return { name: name.ok ? '' : name.message, birthDate: birth.ok ? '' : birth.message }
}

/**
 * The fields of a child profile: name, birth date (`DateField`, limited to the ages the palace serves),
 * hardship switch with a proof photo. `birthLocked`: why the birth date cannot change now (the picker is
 * then off and the reason shown instead).
 */
export function ChildFields({
  form,
  update,
  errors,
  today,
  photoNote,
  onPickPhoto,
  birthLocked,
}: {
  form: ChildForm
  update: (patch: Partial<ChildForm>) => void
  errors: FieldErrors
  today: string
  /** Words of the photo button: e.g. '上传证明照片' or '已选证明照片，点此更换'. */
  photoNote: string
  onPickPhoto: () => void
  birthLocked?: string
}) {
  const { earliest, latest } = childBirthDateRange(today)
  const shown = form.birthDate ? formatDateCn(form.birthDate) : ''
  return (
    <View>
      <Field
        id="child-name"
        label="孩子姓名"
        value={form.name}
        onInput={(name) => update({ name })}
        error={errors.name}
        maxlength={20}
        placeholder="与户口本一致，汉字或英文字母"
      />
      <View className="field">
        <View className="field-label" id="child-birth-label">
          出生日期
        </View>
        {birthLocked ? (
          <View className="yp-picker-row" id="child-birth-locked">
            <View className="cell-main">
              {shown}（{birthLocked}）
            </View>
          </View>
        ) : (
          <DateField
            id="child-birth"
            label="孩子的出生日期"
            value={form.birthDate || addDays(today, -6 * 365)}
            start={earliest}
            end={latest}
            onChange={(birthDate) => update({ birthDate })}
          >
            {form.birthDate ? `出生日期 ${shown}，点这里修改` : '点这里选择出生日期'}
          </DateField>
        )}
        {errors.birthDate && (
          <View className="field-error" role="alert">
            ⚠ {errors.birthDate}
          </View>
        )}
      </View>
      <SwitchRow
        id="child-hardship"
        title="困难家庭（学费减半）"
        note="需上传低保、低边等证明照片，社区核对后生效"
        on={form.hardship}
        onChange={(hardship) => update({ hardship })}
      />
      {form.hardship && (
        <Button kind="secondary" id="child-proof" onTap={onPickPhoto}>
          {photoNote}
        </Button>
      )}
    </View>
  )
}
