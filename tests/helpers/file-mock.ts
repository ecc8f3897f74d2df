// Images imported by components: a path stands in for the file.
export default 'image-stub.png';
