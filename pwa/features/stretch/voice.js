// Reading the routine aloud where the phone can speak: off unless the person turns it on here
// (remembered on this phone). Quiet and a little slow: it is bedtime.
const KEY = "unknot-stretch-voice";

export const canSpeak = () =>
  "speechSynthesis" in globalThis && "SpeechSynthesisUtterance" in globalThis;

export const voiceOn = () => canSpeak() && localStorage[KEY] === "on";

export function setVoice(on) {
  localStorage[KEY] = on ? "on" : "off";
  if (!on) speechSynthesis.cancel();
}

export function say(text) {
  if (!voiceOn()) return;
  speechSynthesis.cancel();
  const words = new SpeechSynthesisUtterance(text);
  words.rate = 0.9;
  words.volume = 0.7;
  speechSynthesis.speak(words);
}

export const hush = () => canSpeak() && speechSynthesis.cancel();
