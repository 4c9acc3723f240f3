// The reference app: react-jsonschema-form as a host would use it, with ajv compiling the
// 2020-12 schemas (rjsf's default ajv class is draft-07, which rejects them). The case to show
// comes from the query string (`?case=wide64&live=1`); the bench reads `window.benchApp`.

import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020';

const newValidator = () => customizeValidator({ AjvClass: Ajv2020 });

async function main() {
  const query = new URLSearchParams(location.search);
  const response = await fetch(`cases/${encodeURIComponent(query.get('case'))}.rjsf.json`);
  if (!response.ok) throw new Error(`case ${query.get('case')}: HTTP ${response.status}`);
  const { schema, uiSchema, data } = await response.json();
  const live = query.get('live') === '1';
  createRoot(document.getElementById('app')).render(
    <Form schema={schema} uiSchema={uiSchema} formData={data} validator={newValidator()} liveValidate={live ? 'onChange' : undefined} noHtml5Validate />,
  );
  window.benchApp = {
    // A fresh validator, so its first call includes ajv compiling the schema, as on a first load.
    validation() {
      const validator = newValidator();
      return { run: () => validator.validateFormData(data, schema) };
    },
  };
}

main().catch((e) => {
  console.error(`bench:error ${e && e.stack ? e.stack : e}`);
});
