import { createHash } from 'node:crypto';

/** Raised for a descriptor value that cannot be deployed as it is (the adapter refuses rather than guesses). */
export class StackInputError extends Error {}

/**
 * A Kubernetes name usable for every object kind (RFC 1035 label: a letter, then lower-case letters, digits
 * and dashes, at most 63 characters, as Services require). Anything else is folded to a dash; a name that
 * is too long keeps its start and gets a short hash of the whole, so two long names never collide.
 */
export function kubernetesName(...parts: string[]): string {
  const raw = parts.join('-');
  let name = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z]/.test(name)) name = `x-${name}`;
  if (name.length <= 63) return name;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 8);
  return `${name.slice(0, 54).replace(/-$/, '')}-${hash}`;
}

/** A label value (at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends). */
export function labelValue(v: string): string {
  const s = v.replace(/[^A-Za-z0-9-_.]+/g, '-').slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return s || 'x';
}

/** Image references as the distribution grammar allows them: [registry[:port]/]path[:tag][@digest]. */
const IMAGE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

export function imageReference(image: string, where: string): string {
  if (image.length > 512 || !IMAGE.test(image)) throw new StackInputError(`${where}: image ${JSON.stringify(image.slice(0, 100))} is not a valid image reference`);
  return image;
}

/** Environment variable names Kubernetes accepts (C_IDENTIFIER and the dotted/dashed forms it allows). */
export function envName(name: string, where: string): string {
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]{0,252}$/.test(name)) throw new StackInputError(`${where}: ${JSON.stringify(name.slice(0, 100))} is not a valid environment variable name`);
  return name;
}

/**
 * A literal string in Terraform JSON: `${` and `%{` start template interpolation and directives there, so
 * they are doubled (`$${`, `%%{`) and Terraform hands the text through exactly as written. Every string a
 * descriptor supplies goes through this, so no descriptor can reach a Terraform expression.
 */
export const terraformLiteral = (s: string): string => s.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
