// Loaded before the app in the weapp build only (config/weapp-aria.ts adds it to the runtime list):
// the runtime numbers each component's attributes from this list, as the templates do.
import { mergeInternalComponents } from '@tarojs/shared';
import { weappAriaPatch } from './weapp-aria';

mergeInternalComponents(weappAriaPatch());
