// pg's own value conversion (what it applies to every parameter before a Bind), which
// @types/pg does not describe. pg exports the path ("./lib/*" in its package.json).
declare module "pg/lib/utils" {
  const utils: { prepareValue: (value: unknown) => string | Buffer | null };
  export default utils;
}
