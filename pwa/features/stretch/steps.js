// The bedtime routine: gentle stretches of calves, hamstrings and feet, each held per side.
// Pure data (no DOM): the routine (routine.js) reads hold and get-ready times from here.
// A drawing is path data in a 120 x 100 box plus the head's centre, drawn in currentColor.

export const PREP_SECONDS = 8; // to get into position, or to switch sides

export const STEPS = [
  {
    id: "calf",
    title: "Calf stretch at a wall",
    how: "Hands on the wall, one foot back. Keep that heel down and the knee straight, and lean in until you feel the calf.",
    sides: ["Left leg back", "Right leg back"],
    hold: 30,
    drawing: {
      head: [80, 20],
      d: "M4 94H116M104 94V6M76 28 58 58M73 33 88 40 102 32M58 58 76 72 78 92H88M58 58 28 91M22 93H36",
    },
  },
  {
    id: "low-calf",
    title: "Low calf stretch",
    how: "The same, with the back knee bent a little. Heel down; the stretch is lower in the calf.",
    sides: ["Left leg back", "Right leg back"],
    hold: 30,
    drawing: {
      head: [78, 24],
      d: "M4 94H116M104 94V6M76 32 64 60M74 38 90 44 102 36M64 60 80 72 80 92H90M64 60 46 76 40 91M34 93H46",
    },
  },
  {
    id: "hamstring",
    title: "Hamstring stretch with a towel",
    how: "Lie on your back, a towel or strap round one foot. Raise that leg, knee straight but not locked, until you feel the back of the thigh.",
    sides: ["Left leg up", "Right leg up"],
    hold: 30,
    drawing: {
      head: [14, 84],
      d: "M4 94H116M22 86 60 88M60 88 80 70 100 92M60 88 84 22 92 16M30 84 48 62M48 62 88 16",
    },
  },
  {
    id: "foot",
    title: "Sole of the foot",
    how: "Sit and rest one ankle on the other knee. Pull the toes gently back towards the shin until you feel the sole.",
    sides: ["Left foot", "Right foot"],
    hold: 30,
    drawing: {
      head: [36, 14],
      d: "M20 18V56H54M22 56V94M52 56V94M36 22V56M38 56 70 56 72 92H82M38 56 64 44 84 54 90 44M36 28 60 36 90 44",
    },
  },
];
