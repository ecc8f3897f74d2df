/** The community feature's public face: what other features may use of it. */
export { getCommunity } from './service';
