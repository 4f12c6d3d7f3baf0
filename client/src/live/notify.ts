/** A new task must be noticed even when the tab is in the background: a short tone and a notification. */
import { translate } from '../i18n.ts';
import { useConsole } from '../store/index.ts';

let audio: AudioContext | null = null;

function tone() {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.25);
  } catch {
    // no audio device or autoplay blocked: the notification and the tab title still tell
  }
}

export function announceNewTasks(count: number) {
  tone();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const lang = useConsole.getState().lang;
    new Notification(translate(lang, 'appTitle'), {
      body: translate(lang, 'newTaskNotice', { n: count }),
      tag: 'epc-new-task',
    });
  }
}
