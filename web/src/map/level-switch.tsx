// SPDX-License-Identifier: EUPL-1.2
import { useNavigate } from '@tanstack/react-router';
import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { useId } from 'react';
import { type MapLevel, mapLevels } from '../api/types.ts';
import { homeSearchFor } from '../lib/home-search.ts';
import { levelTexts, texts } from '../texts.ts';

/** Radio buttons that choose the map's level; the choice lives in the URL (`/?niveau=provincie`). */
export function LevelSwitch({ level }: { level: MapLevel }) {
  const navigate = useNavigate();
  const baseId = useId();

  const choose = (next: MapLevel) => {
    void navigate({ to: '/', search: homeSearchFor(next), replace: true });
  };

  return (
    <Fieldset className="ks-level-switch">
      <FieldsetLegend>{texts.home.levelLegend}</FieldsetLegend>
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
