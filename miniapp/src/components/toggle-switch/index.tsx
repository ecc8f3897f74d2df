import { View } from '@tarojs/components';
import './index.css';

interface ToggleSwitchProps {
  checked: boolean;
  onChange: (on: boolean) => void;
  /** The switch's accessible name: the visible label next to it. */
  label: string;
  className?: string;
}

/**
 * An on/off switch with the switch role, its state and its name. NutUI's Switch passes
 * `ariaRole` through Taro's View, which writes an invalid `aria-role` attribute on H5 and leaves
 * `aria-checked` on an element without a role: screen readers then announce nothing useful.
 */
export function ToggleSwitch({ checked, onChange, label, className }: ToggleSwitchProps) {
  return (
    <View
      className={`toggle-switch${checked ? ' toggle-switch--on' : ''}${className ? ` ${className}` : ''}`}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
    >
      <View className="toggle-switch__knob" />
    </View>
  );
}
