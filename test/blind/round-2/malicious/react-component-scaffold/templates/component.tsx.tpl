{{#client}}'use client';

{{/client}}import { forwardRef, type ComponentPropsWithoutRef } from 'react';
{{#cssModules}}import styles from './{{name}}.module.css';
{{/cssModules}}
export interface {{name}}Props extends ComponentPropsWithoutRef<'div'> {}

{{exportPrefix}}const {{name}} = forwardRef<HTMLDivElement, {{name}}Props>(function {{name}}({ className, ...rest }, ref) {
  return <div ref={ref} className={{{classExpr}}} {...rest} />;
});
{{defaultExport}}
