import * as RadixTabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';
import styles from './Tabs.module.css';

export interface TabsProps<T extends string> {
  /** The open tab (controlled: the page may keep it in the URL). */
  value: T;
  onValueChange: (value: T) => void;
  children: ReactNode;
  className?: string;
}

/**
 * Radix Tabs with our look. Radix gives the ARIA tabs pattern: arrow keys, Home and End move
 * between tabs and activation follows focus.
 */
export function Tabs<T extends string>({
  value,
  onValueChange,
  children,
  className,
}: TabsProps<T>) {
  return (
    <RadixTabs.Root
      value={value}
      // Radix types the value as string; only our triggers' values can reach this.
      onValueChange={(next) => onValueChange(next as T)}
      className={className ? `${styles.root} ${className}` : styles.root}
    >
      {children}
    </RadixTabs.Root>
  );
}

export interface TabListProps {
  /** Accessible name of the tab list, e.g. "Span view". */
  label: string;
  children: ReactNode;
}

export function TabList({ label, children }: TabListProps) {
  return (
    <RadixTabs.List aria-label={label} className={styles.list}>
      {children}
    </RadixTabs.List>
  );
}

export interface TabProps {
  value: string;
  children: ReactNode;
}

export function Tab({ value, children }: TabProps) {
  return (
    <RadixTabs.Trigger value={value} className={styles.trigger}>
      {children}
    </RadixTabs.Trigger>
  );
}

export interface TabPanelProps {
  value: string;
  children: ReactNode;
  className?: string;
}

/** The open tab's content; focusable, so a scrolling body can be scrolled from the keyboard. */
export function TabPanel({ value, children, className }: TabPanelProps) {
  return (
    <RadixTabs.Content
      value={value}
      className={className ? `${styles.panel} ${className}` : styles.panel}
    >
      {children}
    </RadixTabs.Content>
  );
}
