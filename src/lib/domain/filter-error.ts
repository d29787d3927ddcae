import type { FilterError } from './filters';

/**
 * A filter error as a person reads it, saying where: the parser's syntax messages already name
 * their column; a message about meaning ("Unknown attribute “titel”. SCIM filters here know: …")
 * gets "at column N" put into its first sentence, from the error's position.
 */
export function filterErrorText(error: FilterError): string {
  const { message, position } = error;
  if (position === undefined || /\bcolumn \d|end of the filter/.test(message)) return message;
  const where = ` at column ${position + 1}`;
  const stop = /[.:](\s|$)/.exec(message);
  return stop ? `${message.slice(0, stop.index)}${where}${message.slice(stop.index)}` : `${message}${where}.`;
}
