import { View } from '@tarojs/components'
import { goToLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'

/** Told to someone using a guide without logging in: what works, what does not, and a way to log in. */
export function GuestNotice() {
  return (
    <View className="notice" id="guest-notice">
      <View>
        您还没有登录，也可以看办事指南。回答和勾选只保留到您关闭小程序，不会存到手机或服务器上；登录后可以保存进度、收到期限提醒、预约窗口。
      </View>
      <Button id="guest-login" kind="secondary" onTap={goToLogin}>
        登录
      </Button>
    </View>
  )
}
