// The index's fields and how much a match in each counts. Name-like fields (a program's name and aliases,
// an FAQ's question) count most: residents ask for a program by what it is. Descriptions count less, the
// department least. `grams` holds character bigrams of the name-like fields (the n-gram fallback).
export const FIELDS = ["name", "aliases", "question", "grams", "summary", "eligibility", "benefits", "answer", "department", "categories"] as const;
export type FieldName = (typeof FIELDS)[number];

export const FIELD_BOOSTS: Record<FieldName, number> = {
  name: 4,
  aliases: 4,
  question: 3,
  grams: 1,
  summary: 1,
  eligibility: 1,
  benefits: 1,
  answer: 1,
  department: 0.5,
  categories: 1,
};
