-- Mount definitions: the desired state the reconciler makes real.
CREATE TABLE mounts (
  name          VARCHAR(64)   PRIMARY KEY,
  source        VARCHAR(2048) NOT NULL,
  mount_point   VARCHAR(4096) NOT NULL UNIQUE,
  read_only     BOOLEAN       NOT NULL,
  options_json  VARCHAR(8192) NOT NULL,
  -- credentials, AES-GCM encrypted with the key in the state dir; never returned
  credentials   VARBINARY(16384),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
