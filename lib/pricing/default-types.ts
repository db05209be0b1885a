// The ticket types every theater starts with (setup, the demo seed, and migration 0005 for
// theaters that existed before). Admins rename, reorder and retire them.
export const DEFAULT_TICKET_TYPES = [
  { name: "Adult", note: "", minAge: null, child: false, sortOrder: 0 },
  { name: "Child", note: "Under 12", minAge: null, child: true, sortOrder: 1 },
  { name: "Senior", note: "65 and over", minAge: 65, child: false, sortOrder: 2 },
  { name: "Student", note: "Bring your student ID", minAge: null, child: false, sortOrder: 3 },
] as const;
