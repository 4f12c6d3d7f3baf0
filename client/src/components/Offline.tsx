/**
 * The screen for a console that started without reaching the server (a reload offline, served from the
 * service worker's cache; or the server down): says so in both languages, since the user's language may
 * not be known yet, and retries by itself (client/src/main.tsx); the button retries at once.
 */
export function Offline({ retrying, onRetry }: { retrying: boolean; onRetry: () => void }) {
  return (
    <div className="login-page">
      <div className="login offline" role="alert" aria-live="assertive">
        <h1>应急预案指挥调度台</h1>
        <p className="notice">
          <span className="conn conn-offline">
            <span className="conn-dot" aria-hidden="true" />
            离线 · Offline
          </span>
        </p>
        <p lang="zh-CN">离线：无法连接服务器，恢复网络后自动重试</p>
        <p lang="en">Offline: cannot reach the server; retrying when the network returns</p>
        <button type="button" onClick={onRetry} disabled={retrying}>
          {retrying ? '正在重试… / Retrying…' : '立即重试 / Retry now'}
        </button>
      </div>
    </div>
  );
}
