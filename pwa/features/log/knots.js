// A knot's choices: where it is and what helped; Log asks them, What helps me counts them.
import { PLACES } from "../bodymap/regions.js";
import { opts } from "./chips.js";

// Every place's label: the body map's regions and the words of the chips before it.
export const LOCATIONS = PLACES;
export const KNOT_HELPED = opts(
  "massage=Massage or myofascial release",
  "Foam rolling",
  "stretching=Gentle stretching",
  "Heat",
  "needling=Trigger point injection or dry needling",
);
