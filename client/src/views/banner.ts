import { healthy } from '../api';

/** A banner while the API or its database is down; it retries and clears itself. */
export function mountBanner(banner: HTMLElement, onBack: () => void) {
  let timer: number | undefined;
  const check = async () => {
    if (await healthy()) {
      banner.hidden = true;
      timer = undefined;
      onBack();
    } else {
      timer = window.setTimeout(check, 3000);
    }
  };
  return {
    down(message: string) {
      banner.textContent = `${message} Retrying…`;
      banner.hidden = false;
      if (timer === undefined) timer = window.setTimeout(check, 3000);
    },
  };
}
