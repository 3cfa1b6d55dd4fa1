{{#vitest}}import { describe, it, expect } from 'vitest';
{{/vitest}}import { render, screen } from '@testing-library/react';
import { {{name}} } from './{{name}}';

describe('{{name}}', () => {
  it('renders', () => {
    render(<{{name}} data-testid="{{kebab}}" />);
    expect(screen.getByTestId('{{kebab}}')).toBeTruthy();
  });
});
