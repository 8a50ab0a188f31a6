-- Identity: accounts, server-side sessions, API tokens for integrations.

CREATE TABLE id_accounts (
  id uuid PRIMARY KEY,
  login text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('citizen', 'partner', 'analyst', 'supervisor', 'manager', 'admin', 'integration')),
  name text NOT NULL,
  cpf char(11),
  unit_id text,
  staff_id uuid,
  partner_entity_id text,
  email text,
  password_hash text,
  failed_attempts int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  CHECK (role <> 'citizen' OR cpf IS NOT NULL)
);
COMMENT ON TABLE id_accounts IS 'Contas de acesso: cidadãos (login = CPF), representantes de entidades parceiras (ACT), servidores (escopo = unidade) e integrações.';
COMMENT ON COLUMN id_accounts.password_hash IS 'argon2id (PHC string); nulo para contas de integração, que usam tokens.';
COMMENT ON COLUMN id_accounts.locked_until IS 'Bloqueio temporário após tentativas de login malsucedidas seguidas.';
CREATE UNIQUE INDEX id_accounts_citizen_cpf_idx ON id_accounts (cpf) WHERE role = 'citizen';

CREATE TABLE id_sessions (
  id text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES id_accounts (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text,
  ip text,
  user_agent text
);
COMMENT ON TABLE id_sessions IS 'Sessões no servidor. id = sha256 do valor do cookie (o valor nunca é gravado). Expiram por inatividade (last_seen_at) e por prazo absoluto (expires_at); revogáveis.';
CREATE INDEX id_sessions_account_idx ON id_sessions (account_id) WHERE revoked_at IS NULL;

CREATE TABLE id_api_tokens (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES id_accounts (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
COMMENT ON TABLE id_api_tokens IS 'Tokens de integração de sistemas (Authorization: Bearer). Somente o sha256 é guardado; o token é mostrado uma única vez.';
