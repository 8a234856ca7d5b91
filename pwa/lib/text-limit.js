// Free text held to the server's limit without ever being cut: no maxlength (it silently drops
// what is pasted past the limit); a count appears near the limit, and a save waits, saying why.
import { el } from "./ui.js";
import { plural } from "./format.js";

// Characters as the server counts them (code points: an emoji is one).
const length = (text) => [...text].length;
const near = (max) => Math.max(max - 200, Math.floor(max * 0.9));

// Why `text` cannot be saved in a field of `max` characters, or null.
export function tooLong(text, max) {
  const over = length(text || "") - max;
  return over > 0
    ? `This holds up to ${max.toLocaleString()} characters: ${plural(over, "character")} too many. Shorten it to save; nothing has been cut.`
    : null;
}

// A count under `input`, shown from near the limit ("1,950 of 2,000 characters").
// -> the count's node, whose refresh() follows a value set by code.
export function limitText(input, max) {
  const count = el("p", { class: "hint text-count", id: `${input.id}-count`, hidden: true });
  count.refresh = () => {
    const n = length(input.value);
    count.hidden = n < near(max);
    count.classList.toggle("text-count-over", n > max);
    count.textContent = `${n.toLocaleString()} of ${max.toLocaleString()} characters`;
  };
  input.removeAttribute("maxlength");
  input.dataset.maxChars = max;
  input.addEventListener("input", count.refresh);
  count.refresh();
  return count;
}
