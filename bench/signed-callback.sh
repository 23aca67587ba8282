# Sourced by the bench scripts: a realistic assignment callback body signed the way Twilio signs,
# base64(HMAC-SHA1(token, URL + each parameter sorted by name, as name+value)), and a wrk script posting it.
# Needs WORK (a temporary directory), TOKEN and PUBLIC (the public base URL the service checks against).
# Sets BODY, SIGNATURE and writes "$WORK/callback.lua".
declare -A CALLBACK_PARAMS=(
  [AccountSid]=AC00000000000000000000000000000000 [WorkspaceSid]=WS00000000000000000000000000000000
  [WorkflowSid]=WW00000000000000000000000000000000 [TaskQueueSid]=WQ00000000000000000000000000000001
  [WorkerSid]=WK0000000000000000000000000000a11c [WorkerAttributes]='{"languages":["en","es"]}'
  [TaskSid]=WT00000000000000000000000000000001 [TaskAttributes]='{"selected_language":"es"}'
  [TaskAge]=3 [TaskPriority]=0 [ReservationSid]=WR00000000000000000000000000000001 [Timestamp]=1732492800)
urlencode() { jq -rn --arg v "$1" '$v|@uri'; }
signed_data="$PUBLIC/assignment_callback"; BODY=""
for name in $(printf '%s\n' "${!CALLBACK_PARAMS[@]}" | LC_ALL=C sort); do
  signed_data+="$name${CALLBACK_PARAMS[$name]}"
  BODY+="${BODY:+&}$name=$(urlencode "${CALLBACK_PARAMS[$name]}")"
done
SIGNATURE=$(printf '%s' "$signed_data" | openssl dgst -sha1 -hmac "$TOKEN" -binary | base64)
cat > "$WORK/callback.lua" <<LUA
wrk.method = "POST"
wrk.body = "$BODY"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Twilio-Signature"] = "$SIGNATURE"
LUA
