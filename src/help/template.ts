/**
 * HtmlWebpackPlugin's template for help.html (webpack.config.js): the page is rendered at
 * build time, in the build's Node process; no script of it reaches the browser.
 */
import { helpPage } from './helpPage';

export default (params: { version?: string }): string => helpPage({ version: params.version });
