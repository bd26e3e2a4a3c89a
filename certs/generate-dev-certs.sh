#!/usr/bin/env bash
# Generates development PKI for the issuer connector with openssl only:
#   - a development issuer CA, and the signing and access leaf certificates it issues
#     (cert files hold leaf then CA; the connector drops the CA from x5c as the trust anchor, HAIP SDVC-2);
#   - a development wallet-provider CA, the trust anchor for wallet attestations and key attestations.
# Keys are EC P-256 in PKCS#8. Idempotent: existing files are kept, and only what is missing, expiring
# within a day, or issued by a replaced CA is (re)created. Delete the output directory to start over.
#
# Usage: certs/generate-dev-certs.sh [output-dir]     (default: certs/out next to this script)
# These are development credentials: never use them in production.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
out_dir=${1:-"$script_dir/out"}

command -v openssl >/dev/null || { echo "openssl is required but not on PATH" >&2; exit 1; }
umask 077
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd -P)

config=$(mktemp "$out_dir/.openssl-cnf.XXXXXX")
trap 'rm -f "$config" "$out_dir"/*.csr' EXIT
cat >"$config" <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
CNF

# Runs a command quietly, showing its output only when it fails. It exits explicitly because set -e is
# ignored inside functions called from an if condition, as make_ca is.
run() {
    local output
    if ! output=$("$@" 2>&1); then
        echo "$output" >&2
        exit 1
    fi
}

new_key() {
    run openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
}

# True when the certificate exists and stays valid for at least one more day.
usable() {
    [[ -s "$1" ]] && openssl x509 -in "$1" -noout -checkend 86400 >/dev/null 2>&1
}

# make_ca <name> <subject CN>: writes <name>.pem and <name>.key; returns 0 when it created a new CA.
make_ca() {
    local name=$1 cn=$2
    if [[ -s "$out_dir/$name.key" ]] && usable "$out_dir/$name.pem"; then
        return 1
    fi
    new_key "$out_dir/$name.key"
    run openssl req -new -x509 -config "$config" -extensions ca_ext -key "$out_dir/$name.key" \
        -subj "/CN=$cn" -days 3650 -sha256 -out "$out_dir/$name.pem"
    chmod 644 "$out_dir/$name.pem"
    return 0
}

# make_leaf <name> <subject CN> <ca name> <force>: writes <name>.pem (leaf then CA) and <name>.key.
make_leaf() {
    local name=$1 cn=$2 ca=$3 force=$4
    if [[ $force == no && -s "$out_dir/$name.key" ]] && usable "$out_dir/$name.pem"; then
        return
    fi
    new_key "$out_dir/$name.key"
    run openssl req -new -config "$config" -key "$out_dir/$name.key" -subj "/CN=$cn" -out "$out_dir/$name.csr"
    run openssl x509 -req -in "$out_dir/$name.csr" -CA "$out_dir/$ca.pem" -CAkey "$out_dir/$ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -days 365 -sha256 \
        -extfile "$config" -extensions leaf_ext -out "$out_dir/$name.leaf.pem"
    cat "$out_dir/$name.leaf.pem" "$out_dir/$ca.pem" >"$out_dir/$name.pem"
    rm -f "$out_dir/$name.leaf.pem"
    chmod 644 "$out_dir/$name.pem"
}

renew=no
if make_ca issuer-ca "Development Issuer CA"; then renew=yes; fi
make_leaf signing "Development Issuer Signing" issuer-ca "$renew"
make_leaf access "Development Issuer Access" issuer-ca "$renew"
make_ca wallet-provider-ca "Development Wallet Provider CA" || true
# Master secret for the Redis store (docker-compose.replicas.yml); kept across runs so restarted replicas agree
[ -s "$out_dir/master.key" ] || openssl rand -out "$out_dir/master.key" 32

cat <<INFO
Development certificates are in $out_dir (never use them in production).
Use them with:

INFO
printf 'export CONNECTOR_CERTIFICATES_SIGNING_CERT_PATH=%q\n' "$out_dir/signing.pem"
printf 'export CONNECTOR_CERTIFICATES_SIGNING_KEY_PATH=%q\n' "$out_dir/signing.key"
printf 'export CONNECTOR_CERTIFICATES_ACCESS_CERT_PATH=%q\n' "$out_dir/access.pem"
printf 'export CONNECTOR_CERTIFICATES_ACCESS_KEY_PATH=%q\n' "$out_dir/access.key"
printf 'export CONNECTOR_WALLET_ATTESTATION_TRUST_ANCHORS=%q\n' "$out_dir/wallet-provider-ca.pem"
printf 'export CONNECTOR_KEY_ATTESTATION_TRUST_ANCHORS=%q\n' "$out_dir/wallet-provider-ca.pem"
printf '# with CONNECTOR_SESSION_STORE=redis:\nexport CONNECTOR_SECRETS_KEY_FILE=%q\n' "$out_dir/master.key"
