/** The community feature's public face: what other features may use of it. */
export { placeNames, withCurrentNames, type PlaceNames } from './place-names';
export { getCommunity } from './service';
