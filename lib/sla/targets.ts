/** The handbook's first-response aim: "an initial response or acknowledgement within 4 hours". */
export const FIRST_RESPONSE_TARGET_MINUTES = 240;

/** A running timer becomes "due soon" with this much business time left (a setting). */
export const DUE_SOON_MINUTES = 60;
