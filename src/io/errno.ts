/** What the system's error codes mean, in words a user can act on. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: '文件或文件夹不存在',
  EEXIST: '同名的文件已存在',
  EACCES: '没有权限',
  EPERM: '没有权限，或文件正被其他程序（如 Word、WPS）打开',
  EBUSY: '文件正被其他程序（如 Word、WPS）打开，请先关闭它',
  ENOSPC: '磁盘空间不足',
  EDQUOT: '磁盘配额已用完',
  EROFS: '所在磁盘只读',
  ENOTDIR: '路径中有一部分是文件，不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  ENAMETOOLONG: '文件名或路径太长',
  ELOOP: '符号链接循环指向自身',
  EMFILE: '同时打开的文件太多，请减少 --jobs 后重试',
  ENFILE: '系统中打开的文件太多，请稍后重试',
  EIO: '磁盘读写出错（磁盘或网络盘可能有故障）',
  EFBIG: '文件太大',
  EXDEV: '不能跨磁盘移动文件',
  ETXTBSY: '文件正被使用',
  ENXIO: '不是普通文件（设备或管道）',
  EINVAL: '文件名或路径无效',
  EPIPE: '输出已被关闭',
  ECONNRESET: '连接被断开',
  ETIMEDOUT: '网络盘响应超时',
};

/**
 * A file-system error said in Chinese: never the bare code (`EEXIST`), which means nothing to
 * a user; codes not listed say what they are and keep the code for whoever helps them.
 */
export function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  return code !== undefined ? `系统错误，代码 ${code}` : `系统错误：${error instanceof Error ? error.message : String(error)}`;
}
