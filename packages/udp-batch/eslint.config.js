import base from "@patronus/eslint-config";

export default [
  ...base,
  {
    // The install script runs before any workspace is built, so it cannot use an env module; it reads
    // the variables node-gyp itself reads (CC, CXX, PYTHON, npm_config_node_gyp, PATH).
    files: ["scripts/install.js"],
    rules: { "no-restricted-properties": "off" },
  },
];
