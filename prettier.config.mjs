/** House format (STYLE.md §12): the existing code's width, double quotes, trailing commas. */
const config = {
  printWidth: 160,
  trailingComma: "all",
};

export default config;
