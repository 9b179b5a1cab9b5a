export { default } from "@patronus/eslint-config/next";
