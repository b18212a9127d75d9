#!/usr/bin/env bash
# A private Docker engine with locally built fixture images for the Docker executor's *IT tests.
# Idempotent: installs docker.io and busybox-static if missing, starts dockerd under $SLUICE_DOCKER_DIR
# if it is not running, builds the fixture images if missing, and prints the DOCKER_HOST to use.
#   eval "$(scripts/docker-test-env.sh start)"   -> prints: export DOCKER_HOST=unix:///tmp/sluice-docker/docker.sock
#   scripts/docker-test-env.sh stop      -> stops that dockerd (and its containerd)
set -euo pipefail

DIR=${SLUICE_DOCKER_DIR:-/tmp/sluice-docker}
SOCK=$DIR/docker.sock
export DOCKER_HOST=unix://$SOCK

log() { echo "docker-test-env: $*" >&2; }

install_packages() {
    if command -v dockerd >/dev/null && [ -x /bin/busybox ] && busybox --list >/dev/null 2>&1 \
        && file_is_static /bin/busybox; then
        return
    fi
    log "installing docker.io and busybox-static"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq docker.io busybox-static >&2
}

file_is_static() { ! ldd "$1" >/dev/null 2>&1; }

running() { [ -S "$SOCK" ] && docker version >/dev/null 2>&1; }

start_dockerd() {
    if running; then return; fi
    mkdir -p "$DIR/root" "$DIR/exec"
    log "starting dockerd (log: $DIR/dockerd.log)"
    # setsid: the engine outlives this script and is not killed with its process group
    setsid dockerd --data-root "$DIR/root" --exec-root "$DIR/exec" --host "$DOCKER_HOST" \
        --pidfile "$DIR/dockerd.pid" >"$DIR/dockerd.log" 2>&1 </dev/null &
    for _ in $(seq 1 120); do
        if running; then return; fi
        sleep 0.5
    done
    log "dockerd did not answer on $SOCK within 60s; see $DIR/dockerd.log"
    tail -20 "$DIR/dockerd.log" >&2
    exit 1
}

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# sluice-test/busybox: busybox-static as /bin/sh and every applet; no bash.
build_busybox() {
    have_image sluice-test/busybox:latest && return
    local rootfs; rootfs=$(mktemp -d)
    mkdir -p "$rootfs"/{bin,tmp,etc,root}
    cp /bin/busybox "$rootfs/bin/busybox"
    for applet in $(busybox --list); do
        [ "$applet" = busybox ] || ln -sf busybox "$rootfs/bin/$applet"
    done
    echo 'root:x:0:0:root:/root:/bin/sh' > "$rootfs/etc/passwd"
    chmod 1777 "$rootfs/tmp"
    tar -C "$rootfs" -c . | docker import --change 'ENV PATH=/bin' --change 'CMD ["/bin/sh"]' - sluice-test/busybox:latest >/dev/null
    rm -rf "$rootfs"
    log "built sluice-test/busybox:latest"
}

# Images derived from busybox with a Dockerfile (no registry needed: FROM a local image).
build_derived() {
    local name=$1 dockerfile=$2
    have_image "$name" && return
    local ctx; ctx=$(mktemp -d)
    printf '%s\n' "$dockerfile" > "$ctx/Dockerfile"
    DOCKER_BUILDKIT=0 docker build -q -t "$name" "$ctx" >/dev/null 2>&1 || docker build -q -t "$name" "$ctx" >&2
    rm -rf "$ctx"
    log "built $name"
}

build_images() {
    build_busybox
    # an entrypoint image: the entrypoint exports a variable and execs the command
    build_derived sluice-test/entrypoint:latest 'FROM sluice-test/busybox:latest
RUN printf "#!/bin/sh\nexport FROM_ENTRYPOINT=yes\nexec \"\$@\"\n" > /entrypoint.sh && chmod +x /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]'
    # a tiny HTTP service (busybox httpd): answers GET / with "hello from $SERVICE_GREETING"
    build_derived sluice-test/http:latest 'FROM sluice-test/busybox:latest
EXPOSE 8080
CMD ["sh", "-c", "mkdir -p /www && echo \"hello from ${SERVICE_GREETING:-http}\" > /www/index.html && exec httpd -f -p 8080 -h /www"]'
    # a service that exposes a port but never listens: readiness must time out
    build_derived sluice-test/never-ready:latest 'FROM sluice-test/busybox:latest
EXPOSE 7778
CMD ["sleep", "3600"]'
}

# Stand-ins for the images of examples/team-service/.gitlab-ci.yml (no registry here): python:3.7 with
# pip, flake8 and sea as scripts that say what they would do (sea test reads both services), and
# mysql:5.6 and redis:4 as tiny HTTP servers on their usual ports that report the variables they got.
build_examples() {
    build_derived mysql:5.6 'FROM sluice-test/busybox:latest
EXPOSE 3306
CMD ["sh", "-c", "mkdir -p /www && echo \"mysql stand-in, database ${MYSQL_DATABASE:-none}\" > /www/index.html && exec httpd -f -p 3306 -h /www"]'
    build_derived redis:4 'FROM sluice-test/busybox:latest
EXPOSE 6379
CMD ["sh", "-c", "mkdir -p /www && echo redis stand-in > /www/index.html && exec httpd -f -p 6379 -h /www"]'
    have_image python:3.7 && return
    local ctx; ctx=$(mktemp -d)
    printf '#!/bin/sh\necho "pip (stand-in): $*"\n' > "$ctx/pip"
    printf '#!/bin/sh\necho "flake8 (stand-in): checked $*"\n' > "$ctx/flake8"
    printf '#!/bin/sh\nset -e\nm=$(wget -qO- http://mysql:3306/)\nr=$(wget -qO- http://redis:6379/)\necho "sea $* (stand-in): $m; $r"\n' > "$ctx/sea"
    chmod +x "$ctx/pip" "$ctx/flake8" "$ctx/sea"
    printf 'FROM sluice-test/busybox:latest\nENV PATH=/usr/local/bin:/bin\nCOPY pip flake8 sea /usr/local/bin/\n' > "$ctx/Dockerfile"
    DOCKER_BUILDKIT=0 docker build -q -t python:3.7 "$ctx" >/dev/null 2>&1 || docker build -q -t python:3.7 "$ctx" >&2
    rm -rf "$ctx"
    log "built python:3.7 (stand-in)"
}

stop_dockerd() {
    if [ -f "$DIR/dockerd.pid" ]; then
        local pid; pid=$(cat "$DIR/dockerd.pid")
        if kill -0 "$pid" 2>/dev/null; then
            log "stopping dockerd ($pid)"
            kill "$pid"
            for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        fi
        rm -f "$DIR/dockerd.pid"
    fi
}

case "${1:-start}" in
    start)
        install_packages
        start_dockerd
        build_images
        build_examples
        echo "export DOCKER_HOST=$DOCKER_HOST"
        ;;
    stop) stop_dockerd ;;
    *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac
