/** The token sets other than light: a chunk of their own, loaded when Office is dark or the system forces its colours. */
export { webDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
