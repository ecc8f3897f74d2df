/** The photos feature's public face: attaching uploaded photos and showing them to the right viewers. */
export { preparePhoto, type AttachRequest, type PreparedPhoto } from './tickets';
export { ATTACH_WRITE } from './repository';
export { checkPhotos, viewPhotos, type PhotoRef, type PhotoViewer } from './views';
export { setPhotoStore, type PhotoStore } from './store';
