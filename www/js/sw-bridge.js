// The page's side of the service worker (www/sw.js): registers it, reports when
// the app works offline, and announces a waiting new version. It never updates
// on its own: the page calls `apply()` only when the user clicks, never in the
// middle of an analysis; `apply()` tells the waiting worker to take over and
// reloads once it controls the page.

/**
 * Registers the service worker.
 * @param {(apply: () => void) => void} [onUpdateReady] called when a new
 *   version is installed and waiting; call `apply()` to switch to it (reloads).
 * @param {{url?: string, onOfflineReady?: () => void}} [options]
 *   `onOfflineReady` is called once, on the visit that first caches the app,
 *   when the service worker takes control (from then on it opens without
 *   network); later visits do not call it.
 * @returns {Promise<ServiceWorkerRegistration | null>} null where service
 *   workers are unavailable (e.g. file:// or an insecure origin).
 */
export async function registerServiceWorker(onUpdateReady, options = {}) {
  const { url = "./sw.js", onOfflineReady } = options;
  if (!("serviceWorker" in navigator)) return null;
  const hadController = Boolean(navigator.serviceWorker.controller);
  let registration;
  try {
    // updateViaCache "none": the update check also bypasses the HTTP cache for
    // pkg/precache.js, whose version changes with every build.
    registration = await navigator.serviceWorker.register(url, { scope: "./", updateViaCache: "none" });
  } catch (e) {
    console.warn("wenxi: service worker not registered:", e);
    return null;
  }
  let applying = false;
  let offlineAnnounced = hadController;
  const announceOffline = () => {
    if (offlineAnnounced || !onOfflineReady) return;
    offlineAnnounced = true;
    onOfflineReady();
  };

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only the user's consent reloads; the first claim() of a fresh install does not.
    if (applying) window.location.reload();
    else announceOffline();
  });

  const announce = (worker) => {
    if (!onUpdateReady) return;
    onUpdateReady(() => {
      applying = true;
      worker.postMessage({ type: "skip-waiting" });
    });
  };

  // A version that finished installing while no page listened.
  if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);

  const track = (worker) => {
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      // With a controller this is an update; without, it is the first install.
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
    });
  };
  // An update found while register() was pending, then any later one.
  track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));

  // Claimed between register() and the listener above: still the first install.
  if (navigator.serviceWorker.controller) announceOffline();
  return registration;
}
