export function subRequest({ name, instrument, services, fee, deadline, notes, sender }) {
  const lines = services
    .map((s) => `  • ${s.date} ${s.call} — ${s.kind} at ${s.venue}`)
    .join("\n");
  return {
    subject: `Sub request: ${instrument} — ${services[0]?.date ?? ""}`,
    text: `Hi ${name.split(" ")[0]},

Are you available to play ${instrument} for:
${lines}

Repertoire: ${services[0]?.repertoire ?? "TBC"}
Fee: ${fee ?? "standard sub rate"}
${notes ? notes + "\n" : ""}
Please reply by ${deadline}. If you can't make it, a quick "no" helps us move down the list.

Thanks,
${sender}`,
  };
}

export function reminder({ section, message, sender }) {
  const who = section === "all" ? "everyone" : `the ${section}`;
  return {
    subject: `Rehearsal update for ${who}`,
    text: `${message}\n\n— ${sender}`,
  };
}
