// The mini-program's pages are WeChat's own; the H5 build's fixes live in platform-a11y.h5.ts.
export {};
