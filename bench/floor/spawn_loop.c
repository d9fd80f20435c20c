// Times one command per process, as a user's shell runs it: posix_spawn (a vfork), stdout to /dev/null, waitpid. The
// loop peerd-load uses for `peerd-cli` and `lightning-cli` alike, so both pay the same launcher; `/bin/true` through it
// is the floor (what starting any process costs here). Prints one line per call: the wall time in microseconds.
//   gcc -O2 -o /tmp/spawn_loop bench/floor/spawn_loop.c
//   /tmp/spawn_loop 100 /bin/true
//   /tmp/spawn_loop 100 ./peerd-cli --lightning-dir=DIR --network=regtest getinfo
// Exit status 1 (after printing the failing call's status) when a call exits non-zero; its stderr is left as is.
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
extern char **environ;
static long now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1000000000L+t.tv_nsec;}
int main(int argc,char**argv){
  if(argc<3||atoi(argv[1])<1){fprintf(stderr,"usage: %s CALLS COMMAND [ARGS...]\n",argv[0]);return 2;}
  int calls=atoi(argv[1]);
  posix_spawn_file_actions_t io; posix_spawn_file_actions_init(&io);
  posix_spawn_file_actions_addopen(&io,STDOUT_FILENO,"/dev/null",O_WRONLY,0);
  posix_spawn_file_actions_addopen(&io,STDIN_FILENO,"/dev/null",O_RDONLY,0);
  for(int i=0;i<calls;i++){
    pid_t pid; int status;
    long t=now();
    int e=posix_spawnp(&pid,argv[2],&io,0,argv+2,environ);
    if(e){fprintf(stderr,"spawn_loop: cannot start %s (error %d)\n",argv[2],e);return 1;}
    if(waitpid(pid,&status,0)<0){perror("waitpid");return 1;}
    long d=now()-t;
    if(!WIFEXITED(status)||WEXITSTATUS(status)!=0){fprintf(stderr,"spawn_loop: %s exited with status %d\n",argv[2],status);return 1;}
    printf("%ld\n",d/1000);}
  return 0;}
