export { default } from "@patronus/eslint-config";
