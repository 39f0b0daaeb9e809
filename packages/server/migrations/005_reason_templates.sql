-- Reusable reasons the staff console offers when deciding on comments. `decision` is the
-- decision a template fits (one of the API's DECISIONS), or NULL for any.
CREATE TABLE reason_templates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  decision text,
  title text NOT NULL,
  text text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A few common reasons to start from; staff may change or delete them.
INSERT INTO reason_templates (decision, title, text, created_by) VALUES
  ('not-adopted', '已有相关规定', '该意见所涉事项，现行法律法规和规范性文件已有明确规定，本文件不再重复规定。', 'system'),
  (NULL, '已在其他条款中体现', '该意见的内容已在本文件其他条款中体现。', 'system'),
  ('out-of-scope', '超出本文件调整范围', '该意见所涉事项超出本文件的调整范围，不在本文件中规定。', 'system'),
  ('not-adopted', '与上位法规定不一致', '该意见与上位法的有关规定不一致，本文件须与上位法保持一致，故未予采纳。', 'system'),
  ('partly-adopted', '可操作性不足，在实施细则中研究', '该建议的具体可操作性尚显不足，暂不在本文件中规定，将在制定实施细则时研究吸收。', 'system'),
  (NULL, '重复意见', '该意见与其他意见内容相同，已合并处理，处理情况见相关意见。', 'system');
