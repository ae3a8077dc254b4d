import { ApiError, type ErrorBodyT } from '../../api';

/** Upload progress: bytes sent of the whole body; `sent === total` once the server has it all and works on it. */
export type OnUploadProgress = (sent: number, total: number) => void;

async function csrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  return ((await res.json()) as { token: string }).token;
}

function toError(xhr: XMLHttpRequest): ApiError {
  try {
    const body = JSON.parse(xhr.responseText) as ErrorBodyT;
    return new ApiError(xhr.status, body.error.code, body.error.message, body.error.issues ?? []);
  } catch {
    return new ApiError(xhr.status, `HTTP_${xhr.status}`, xhr.statusText || `HTTP ${xhr.status}`);
  }
}

/**
 * POSTs a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress. Same headers as the
 * API client: language, CSRF token, cookies. Resolves with the JSON answer or rejects with an ApiError.
 */
export async function uploadForm<T>(path: string, body: FormData, lang: string, onProgress?: OnUploadProgress): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', lang);
    xhr.setRequestHeader('x-csrf-token', token);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', xhr.statusText));
        }
      } else reject(toError(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error'));
    xhr.send(body);
  });
}
