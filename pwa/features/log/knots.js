// A knot's choices: where it is and what helped; Log asks them, What helps me counts them.
import { opts } from "./chips.js";

export const LOCATIONS = opts(
  "Neck",
  "Shoulders",
  "Upper back",
  "Lower back",
  "Hips",
  "Arms",
  "Legs",
  "Other",
);
export const KNOT_HELPED = opts(
  "massage=Massage or myofascial release",
  "Foam rolling",
  "stretching=Gentle stretching",
  "Heat",
  "needling=Trigger point injection or dry needling",
);
