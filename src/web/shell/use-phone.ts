import { useCallback, useSyncExternalStore } from 'react';

/** Below this width (Ant Design's `md` breakpoint) the navigation is a drawer and pages stack. */
export const PHONE_MAX_WIDTH = 767;
/** Below this width (`xl`) the header beside the side bar has no room for the full name, role and buttons. */
export const NARROW_HEADER_MAX_WIDTH = 1199;

/** Whether a media query matches, read synchronously so the first paint already has the right layout. */
function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** True on a phone-sized window. */
export function usePhone(): boolean {
  return useMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`);
}

/** True on a phone or tablet: the user is shown as an initials avatar with a menu. */
export function useNarrowHeader(): boolean {
  return useMedia(`(max-width: ${NARROW_HEADER_MAX_WIDTH}px)`);
}
