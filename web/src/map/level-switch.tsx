// SPDX-License-Identifier: EUPL-1.2
import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { type MapLevel, mapLevels } from '../api/types.ts';
import { levelTexts, texts } from '../texts.ts';

interface LevelSwitchProps {
  level: MapLevel;
  /** Puts the choice in the URL (`/?niveau=provincie`), keeping the page's other choices. */
  onChange(level: MapLevel): void;
  legend?: string;
}

/** Radio buttons that choose the level of a map or table. */
export function LevelSwitch({ level, onChange, legend = texts.home.levelLegend }: LevelSwitchProps) {
  const baseId = useId();
  const choose = onChange;

  return (
    <Fieldset className="ks-level-switch">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <div className="ks-level-switch__options">
        {mapLevels.map((option) => {
          const id = `${baseId}-${option}`;
          const checked = option === level;
          return (
            <FormField
              key={option}
              type="radio"
              input={
                <RadioButton
                  id={id}
                  name={`${baseId}-level`}
                  value={option}
                  checked={checked}
                  onChange={() => choose(option)}
                />
              }
              label={
                <FormLabel htmlFor={id} type="radio" checked={checked}>
                  {levelTexts[option].plural}
                </FormLabel>
              }
            />
          );
        })}
      </div>
    </Fieldset>
  );
}
